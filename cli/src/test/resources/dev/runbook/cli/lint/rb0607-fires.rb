runbook "lint" {
  param repo: path = "/srv/app"
  step commit = git.commit { repo: repo, message: "drill" }
    undo exec { argv: ["git", "-C", repo, "reset", "--hard", "HEAD~1"] }
  # expect-warning: RB0607 4:62
  step back = git.checkout { repo: repo, ref: "main" }
    undo shell { script: "git checkout @{-1}" }
  # expect-warning: RB0607 7:26
  step reset = exec { argv: ["true"] }
    undo shell { script: "cd ${repo} && git reset --hard" }
  # expect-warning: RB0607 10:10
}
