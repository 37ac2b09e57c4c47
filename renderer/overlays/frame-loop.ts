// requestAnimationFrame only while something moves (a visible, running countdown). With nothing
// to do the page schedules nothing at all: no setInterval, no idle ticking.

type Task = () => boolean;

const tasks = new Set<Task>();
let handle = 0;

function frame(): void {
  handle = 0;
  for (const task of tasks) {
    if (!task()) tasks.delete(task);
  }
  if (tasks.size > 0) handle = requestAnimationFrame(frame);
}

/** Run `task` every frame until it returns false or `remove` is called. */
export function addFrameTask(task: Task): () => void {
  tasks.add(task);
  if (handle === 0) handle = requestAnimationFrame(frame);
  return () => {
    tasks.delete(task);
    if (tasks.size === 0 && handle !== 0) {
      cancelAnimationFrame(handle);
      handle = 0;
    }
  };
}

export const frameLoopRunning = (): boolean => handle !== 0;
