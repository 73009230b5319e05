"""What a project and the tool declare: the per-year params, the report families, the OIT catalogues."""
