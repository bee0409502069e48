runbook "x" {
  param p: int = + - * / % == != < <= > >= && || ! ? :
}
