// Exit status 0 when the database named by DATABASE_URL already holds projects, 1 when it is empty.
import { createDb } from '../../prisma/client.ts'

const db = createDb()
try {
  const projects = await db.project.count()
  process.exitCode = projects > 0 ? 0 : 1
} finally {
  await db.$disconnect()
}
