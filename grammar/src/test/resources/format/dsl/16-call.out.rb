runbook "calls" {
  step sub = call "incident-app.rb" { severity: "high", app: app_name }

  step bare = call "other.rb"
    undo call "cleanup.rb" { what: "all" }
}
