"""The local vault: key file, SQLCipher engine, migrations, backups and the single-instance lock."""
