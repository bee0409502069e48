# batch sizes: 1 or more, a percent from 1% to 100%; a block's id is its target unless `as` names it, one id each
# expect-error: RB0170 10:18
# expect-error: RB0170 10:21
# expect-error: RB0170 10:25
# expect-error: RB0170 13:41
# expect-error: RB0110 16:6
# expect-error: RB0110 19:13
runbook "hosts" {
  step web = exec { argv: ["true"] }
  on db rolling [0, 0%, 101%] max_failures 0 {
    step a = exec { argv: ["true"] }
  }
  on db as cache rolling 1 max_failures 150% {
    step b = exec { argv: ["true"] }
  }
  on web {
    step c = exec { argv: ["true"] }
  }
  on all as cache {
    step d = exec { argv: ["true"] }
  }
}
