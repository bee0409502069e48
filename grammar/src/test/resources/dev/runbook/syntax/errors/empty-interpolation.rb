# expect-error: RB0002 3:13
runbook "interp" {
  lock "app:${ }"
}
