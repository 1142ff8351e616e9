"""Developer tools (``python -m ssg.tools.<name>``)."""
