"""Input formats: the rulebook's TOML, LinkedIn's pasted page or JSON, spreadsheets' CSV, and
history backups. Each turns outside bytes into core values, or a precise error."""
