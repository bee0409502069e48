# names inside a text block are checked; escapes there are literal
# expect-error: RB0121 6:17
runbook "t" {
  step a = notify {
    message: """
      Reason: ${reson}
      Escapes are not processed here: \q
      """
  }
}
