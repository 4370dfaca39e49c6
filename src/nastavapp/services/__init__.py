"""The domain's verbs: plain Python over the store, no Qt."""
