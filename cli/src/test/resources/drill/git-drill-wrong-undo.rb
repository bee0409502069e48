# Broken on purpose: the checkout's undo checks out the target again instead of the commit it left.
runbook "git-drill" {
  param repo: path "the working tree"
  param target: string "what to roll back to"
  param drill_target: bool = false "true only on a host made for drills"

  step snapshot = git.tag { repo: repo, name: "before-rollback" }

  step checkout = git.checkout { repo: repo, ref: target }
    undo git.checkout { repo: repo, ref: target }

  step marker = file.write { path: repo + "/ROLLED_BACK", content: "rolled back to ${target}" }

  invariant {
    step head = git.head { repo: repo } compare commit, branch
    step tags = git.tags { repo: repo } compare tags
    step marker = file.exists { path: repo + "/ROLLED_BACK" } compare exists
  }
}
