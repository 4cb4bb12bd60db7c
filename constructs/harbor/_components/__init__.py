"""One module per Harbor component; `base` holds what they share. HarborRegistry assembles them."""
