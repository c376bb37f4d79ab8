"""Model UN training: score a draft against the adopted text, worksheets and keys, phrase lists."""
