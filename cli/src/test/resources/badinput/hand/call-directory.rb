runbook "x" {
  step a = call "/" { }
}
