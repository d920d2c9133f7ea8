"""Plain-Python engines: no Django import anywhere below this package."""
