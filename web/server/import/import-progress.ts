// Rows done so far by a running job, as the process running it knows them. The job's row holds
// the durable state; live counts cannot go there while the job's own transaction is open (SQLite
// has one writer, and that writer is the job), so they are kept here and shown by the job page
// when it is served by the process that runs the job. Elsewhere the page shows the phase only.
export interface LiveProgress {
  rowsDone: number
  /** rows in the file, once a dry run has counted them */
  rowsTotal: number | null
  /** bytes of the stored file read so far and in all: the dry run's measure before rows are counted */
  bytesRead: number
  bytesTotal: number
  startedAt: Date
}

const live = new Map<string, LiveProgress>()

export const importProgress = {
  set(jobId: string, progress: LiveProgress): void {
    live.set(jobId, progress)
  },
  get(jobId: string): LiveProgress | null {
    return live.get(jobId) ?? null
  },
  clear(jobId: string): void {
    live.delete(jobId)
  },
}

/** Seconds left at the rate so far, or null before there is a rate to go by. */
export function secondsLeft(progress: LiveProgress, now: Date): number | null {
  const elapsed = (now.getTime() - progress.startedAt.getTime()) / 1000
  const done = progress.rowsTotal !== null ? progress.rowsDone / Math.max(1, progress.rowsTotal) : progress.bytesRead / Math.max(1, progress.bytesTotal)
  if (done <= 0 || elapsed < 1) return null
  return Math.max(0, Math.round((elapsed * (1 - Math.min(1, done))) / done))
}
