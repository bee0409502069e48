runbook "lint" {
  step restart = shell { script: "systemctl restart nginx" }
  # expect-warning: RB0605 2:34
  param unit: string = "nginx"
  step status = shell { script: "systemctl status ${unit}" }
  # expect-warning: RB0605 5:33
}
