"""The pack: running the notebooks, the build and its cache, OIT coverage, the site, the manifest."""
