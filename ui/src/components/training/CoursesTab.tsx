// Filled in by the training UI work.
export function CoursesTab() {
  return null;
}
