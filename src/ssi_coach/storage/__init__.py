"""What ssi-coach keeps on disk and reads from it: where files go, user files read safely,
the SQLite history, the config file and the cache of validated documents."""
