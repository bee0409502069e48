runbook "lint" {
  step pipe = shell { script: "ps aux | grep node" }
  step redirect = shell { script: "echo hi > /tmp/x" }
  step vars = shell { script: "echo $HOME" }
  step quoted = shell { script: "echo 'a b'" }
  step glob = shell { script: "rm /tmp/*.log" }
  step and = shell { script: "cd /srv && ls" }
  step plain = exec { argv: ["systemctl", "restart", "nginx"] }
}
