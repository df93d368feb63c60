"""ssi-coach: raise your LinkedIn Social Selling Index 20 minutes a day."""

# Kept as a literal (not importlib.metadata) because reading it costs start-up time.
__version__ = "0.1.0"
