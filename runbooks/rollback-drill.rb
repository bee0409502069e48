# Seed: "Monthly Rollback Drill" (rollback-procedures.md, Testing Rollback Procedures).
# Deploys a harmless change from a rollback-test-<date> branch, then rolls it back to the main branch
# and proves the rollback with the whole verification checklist (verify-system.rb). pm2 reloads every app of
# the ecosystem file, as the seed's `pm2 reload ecosystem.config.js`. The drill branch is deleted at the end.
# If the drill fails half-way, its steps are undone in reverse order: the main branch is checked out
# again, the drill commit and branch disappear, and the main branch's code is reloaded (on_failure).
runbook "rollback-drill" {
  description "Monthly rollback drill: deploy a harmless change, roll it back, verify (seed: Monthly Rollback Drill)"

  param repo: path = "/srv/cryptique/backend" "the application's git working tree"
  param main_branch: string = "main" "the branch production runs and the drill rolls back to"
  param app: string = "cryptique-backend" "the pm2 app name"
  param ecosystem: path = repo + "/ecosystem.config.js" "the pm2 ecosystem file"
  param app_url: string = "http://localhost:3001" "the application's base URL (verify-system.rb checks the endpoints below it)"
  param health_url: string = app_url + "/health" "must answer 200 after each deploy"
  param only: string = "" "narrow the pm2 reloads to these apps of the ecosystem file (comma-separated); empty: every app in it"
  param started: string = now() "when the drill began: error lines logged before it are not counted"
  param test_file: string = "test-file.js" "the file the harmless change appends to, in the repository"
  param pm2: string = "pm2" "the pm2 binary"
  param pm2_home: path = env("PM2_HOME", env("HOME", "/root") + "/.pm2") "PM2_HOME of the pm2 daemon"
  param notes: string = "stdout" "where the drill report goes: stdout, file:<path> or a webhook URL"

  lock "app-rollback:${app}"
  require "the repository exists": exists(repo + "/.git")

  step start = git.head { repo: repo }

  step clean = git.status { repo: repo }
    verify it.clean

  # 1. Create the test deployment
  step branch = git.branch { repo: repo, name: "rollback-test-${now('yyyyMMdd')}", checkout: true }
    require "the drill starts from ${main_branch}": steps.start.branch == main_branch

  # 2. Make a harmless change
  step change = file.write {
    path: repo + "/" + test_file,
    content: "// Rollback test ${now()}\n",
    mode: "append"
  }

  # undone by git.commit's own undo: the drill branch moves back to the commit it had, by id (never HEAD~1),
  # and only while it still ends at the drill commit; main is never touched
  step commit = git.commit { repo: repo, message: "Rollback test", add_all: true }

  # 3. Deploy the test change
  step deploy_test = pm2.reload {
    ecosystem: ecosystem,
    env: "production",
    only: only,
    pm2: pm2,
    pm2_home: pm2_home
  }

  step test_health = http.check { url: health_url }
    retry 15 delay 2s

  # 4. Execute the rollback procedure
  step rollback = git.checkout { repo: repo, ref: main_branch }
    confirm "Roll ${app} back from the drill branch to ${main_branch}?"
    undo git.checkout {
      repo: repo,
      ref: it.previous_branch != "" ? it.previous_branch : it.previous
    }

  step redeploy = pm2.reload {
    ecosystem: ecosystem,
    env: "production",
    only: only,
    pm2: pm2,
    pm2_home: pm2_home
  }

  # 5. Verify the rollback
  step health = http.check { url: health_url }
    retry 15 delay 2s

  step head = git.head { repo: repo }
    verify it.commit == steps.start.commit && it.branch == main_branch

  step online = pm2.describe { name: app, pm2: pm2, pm2_home: pm2_home }
    verify it.status == "online" within 30s every 2s

  step checklist = call "verify-system.rb" {
    app_url: app_url,
    health_url: health_url,
    since: started,
    only: only,
    pm2: pm2,
    pm2_home: pm2_home
  }

  # Clean up: the drill branch is no longer needed
  step cleanup = exec { argv: ["git", "-C", repo, "branch", "-D", steps.branch.branch] }
    verify it.exit_code == 0 && contains(it.stdout, "Deleted branch")
    undo exec { argv: ["git", "-C", repo, "branch", steps.branch.branch, steps.commit.commit] }

  # 6. Document the drill
  step report = notify {
    to: notes,
    title: "ROLLBACK DRILL PASSED",
    message: "Drill branch: ${steps.branch.branch} (commit ${steps.commit.short}, deleted)\nRolled back to: ${main_branch} at ${steps.head.short}\nApp: ${app}, status ${steps.online.status}, ${steps.online.instances} instance(s)\nHealth: ${health_url} answered ${steps.health.status}"
  }

  # The steps above were undone (main checked out again): make pm2 run the main branch's code.
  on_failure {
    step restore_main = pm2.reload {
      ecosystem: ecosystem,
      env: "production",
      only: only,
      pm2: pm2,
      pm2_home: pm2_home
    }
      when has(steps, "deploy_test")

    step health_after_failure = http.check { url: health_url }
      when has(steps, "deploy_test")
      retry 15 delay 2s

    step report_failure = notify {
      to: notes,
      title: "ROLLBACK DRILL FAILED",
      message: "The rollback drill of ${app} failed; its steps were undone. Document the issue and fix the procedure.",
      severity: "high"
    }
  }
}
