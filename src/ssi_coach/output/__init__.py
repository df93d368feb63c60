"""Output: the interface's sentences in English and French, text that is safe to show,
terminal rendering (plain or coloured), JSON, and the interactive checklist."""
