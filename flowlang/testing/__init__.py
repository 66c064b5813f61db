"""Testing tools for flows and for flowlang itself: conformance tables, transcripts, strategies."""
