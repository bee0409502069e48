runbook "invariants" {
  param repo: path

  step checkout = git.checkout { repo: repo, ref: "v1" }

  # what a failed run's undo must leave as it was
  invariant {
    step head = git.head { repo: repo } compare commit, branch  # the commit and the branch
    step app = pm2.describe {
      name: "api",  # the app
      pm2: "pm2"
    } compare status
    step everything = git.tags { repo: repo }
  }

  finally {
    step done = notify { message: "done" }
  }
}
