runbook "lint" {
  param repo: path = "/srv/app"
  step start = git.head { repo: repo }
  step commit = git.commit { repo: repo, message: "drill" }
    undo exec { argv: ["git", "-C", repo, "reset", "--hard", steps.start.commit] }
  step back = git.checkout { repo: repo, ref: "main" }
    undo git.checkout { repo: repo, ref: it.previous }
  step reset = exec { argv: ["true"] }
    undo shell { script: "cd ${repo} && git reset --hard ${steps.start.commit}" }
}
