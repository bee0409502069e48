runbook "hosts" {
  param ref: string = "main"
  on web as deploy rolling [1, 50%] max_failures 10% undo_all {
    step checkout = exec { argv: ["git", "-C", host.vars.app_dir, "checkout", ref] }
      undo exec { argv: ["git", "-C", host.vars.app_dir, "checkout", "-"] }
    verify "health" http.get { url: "http://${host.address}:8080/health" } expect it.status == 200 within 30s
  }
  on db rolling 2 {
    step ping = exec { argv: ["true"] }
  }
}
