"""Data from and to other systems: the e-GP open-data CSV and OCDS."""
