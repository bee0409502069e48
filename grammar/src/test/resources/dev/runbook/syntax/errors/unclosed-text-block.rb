# the rest of the file is the text of the block: nothing in it is reported
# expect-error: RB0007 4:15
runbook "blocks" {
  description """never closed
  step a = exec { argv: [ }
}
