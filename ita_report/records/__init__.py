"""The office's records: vocabulary, schemas with Thai headers, cell parsing, rules, reading and writing."""
