"""The foundation every layer uses: domain errors, where files live, Thai conventions."""
