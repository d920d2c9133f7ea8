"""Identity benchmark: a labelled multi-script register generator, our engine vs Splink."""
