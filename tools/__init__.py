"""Developer tools: start the app for tests and benchmarks, drive Chromium (not shipped)."""
