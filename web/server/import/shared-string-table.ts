// The shared-string table of an xlsx file, held compactly. Excel stores every text cell once in
// xl/sharedStrings.xml and has cells point at it, so reading any row needs the whole table. As
// exceljs caches it, each entry is a separate string sliced out of the parser's chunks, about 115
// bytes apiece (34 MB for a 100,000-row enterprise file); joined into blocks of 1,024 with their
// offsets it is the characters themselves plus 4 bytes (a third of that).

const BLOCK = 1024

export class SharedStringTable {
  private readonly blocks: string[] = []
  private readonly offsets: Uint32Array[] = []
  private pending: string[] = []

  get size(): number {
    return this.blocks.length * BLOCK + this.pending.length
  }

  push(text: string): void {
    this.pending.push(text)
    if (this.pending.length === BLOCK) this.seal()
  }

  private seal(): void {
    const offsets = new Uint32Array(this.pending.length + 1)
    for (let i = 0; i < this.pending.length; i++) offsets[i + 1] = offsets[i] + this.pending[i].length
    this.blocks.push(this.pending.join(''))
    this.offsets.push(offsets)
    this.pending = []
  }

  /** The string at `index`, or undefined past the end. */
  get(index: number): string | undefined {
    const block = Math.floor(index / BLOCK)
    const i = index % BLOCK
    if (block < this.blocks.length) return this.blocks[block].slice(this.offsets[block][i], this.offsets[block][i + 1])
    return this.pending[index - this.blocks.length * BLOCK]
  }
}
