"""Border Atlas: the former Sino-Soviet border and its negotiation, as sourced data and an app."""

__version__ = "0.1.0"
