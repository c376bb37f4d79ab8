"""Documents: Word files in UN layout (clean and with tracked changes) and the printed layout of ``show``."""
