# invariants: read steps only, ids once, `compare` names outputs of the type, arguments see params only
# expect-error: RB0106 11:20
# expect-error: RB0161 12:57
# expect-error: RB0160 13:10
# expect-error: RB0112 13:34
# expect-warning: RB0602 9:8
runbook "t" {
  param repo: path = "/srv/app"
  step a = exec { argv: ["true"] }
  invariant {
    step written = file.write { path: "/tmp/x", content: "y" }
    step head = git.head { repo: repo } compare commit, brnch
    step head = git.head { repo: steps.a.stdout }
  }
}
