# a reload in an `on` block whose verifies check each host's health
runbook "lint" {
  on web {
    step ngx = nginx.reload { }
    verify "up" http.get { url: "http://" + host.address + "/" } expect it.status == 200
  }
}
