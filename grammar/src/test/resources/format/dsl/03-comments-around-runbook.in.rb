#!/usr/bin/env runbook
# Header comment, line one.
// Header comment, line two.

runbook "around" { # after the opening brace
  step a = exec { argv: ["true"] }
} # after the closing brace
# at the very end
