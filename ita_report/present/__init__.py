"""How things look: tables and text as HTML, Jinja templates, the Sarabun font, charts, HTML and PDF export."""
