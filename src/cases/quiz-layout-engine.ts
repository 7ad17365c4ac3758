/**
 * Answer order for a quiz attempt. Every attempt shows each question's options in a fresh order,
 * drawn from a seed stored with the attempt (so an attempt can be graded and re-shown exactly), and
 * the order is balanced: no displayed position holds the right answer often enough for someone who
 * always picks the same position (the first option, say) to reach the pass mark. Pure: no IO, no
 * clock; randomness comes only from the seed.
 */

/** What the layout needs of a question: how many options, and which (in stored order) is right. */
export type LayoutQuestion = { options: readonly unknown[]; correct: number };

/** For each question, the stored option index shown at each displayed position. */
export type QuizLayout = { options: number[][] };

/** A small seeded generator (xmur3 hash of the seed into sfc32): same seed, same sequence. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** The fewest right answers that pass, as `gradeQuiz` rounds the percentage. */
export function passCount(questionCount: number, passPercent: number): number {
  if (questionCount === 0) return 0;
  for (let k = 0; k <= questionCount; k++) {
    if (Math.round((k / questionCount) * 100) >= passPercent) return k;
  }
  return questionCount + 1;
}

/**
 * The smallest possible largest number of right answers sharing one displayed position, over all
 * layouts: questions with fewer options are placed first, each on its least-used allowed position
 * (allowed positions are a prefix 0..k-1, so this greedy order is optimal).
 */
export function minimalMaxLoad(optionCounts: readonly number[]): number {
  const loads: number[] = [];
  for (const k of [...optionCounts].sort((x, y) => x - y)) {
    while (loads.length < k) loads.push(0);
    let best = 0;
    for (let p = 1; p < k; p++) if (loads[p]! < loads[best]!) best = p;
    loads[best]!++;
  }
  return loads.reduce((m, v) => Math.max(m, v), 0);
}

/**
 * True when the quiz can always be laid out so that answering every question at one fixed
 * position scores below the pass mark; false means the quiz needs more questions or options (or a
 * higher pass mark) before it can tell knowledge from habit.
 */
export function constantAnswerCanFail(quiz: readonly LayoutQuestion[], passPercent: number): boolean {
  if (quiz.length === 0) return false;
  return minimalMaxLoad(quiz.map((q) => q.options.length)) < passCount(quiz.length, passPercent);
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const maxLoad = (targets: number[]) => {
  const loads = new Map<number, number>();
  for (const t of targets) loads.set(t, (loads.get(t) ?? 0) + 1);
  return Math.max(0, ...loads.values());
};

/**
 * The option order of one attempt. The right answers' displayed positions are drawn uniformly and
 * redrawn while one position would hold enough of them to pass; if that keeps failing (tight
 * quizzes), they are placed on the least-used positions with random tie-breaks. The wrong options
 * fill the other positions in random order.
 */
export function quizLayout(quiz: readonly LayoutQuestion[], passPercent: number, seed: string): QuizLayout {
  const rand = seededRandom(seed);
  const counts = quiz.map((q) => q.options.length);
  const limit = Math.max(passCount(quiz.length, passPercent) - 1, minimalMaxLoad(counts));
  let targets: number[] | null = null;
  for (let tries = 0; tries < 64 && !targets; tries++) {
    const drawn = counts.map((k) => Math.floor(rand() * k));
    if (maxLoad(drawn) <= limit) targets = drawn;
  }
  if (!targets) {
    const order = shuffle(
      counts.map((k, i) => ({ k, i })),
      rand,
    ).sort((a, b) => a.k - b.k);
    const loads: number[] = [];
    const placed = new Array<number>(quiz.length).fill(0);
    for (const { k, i } of order) {
      while (loads.length < k) loads.push(0);
      const least = Math.min(...loads.slice(0, k));
      const choices = loads
        .slice(0, k)
        .map((l, p) => (l === least ? p : -1))
        .filter((p) => p >= 0);
      const p = choices[Math.floor(rand() * choices.length)]!;
      loads[p]!++;
      placed[i] = p;
    }
    targets = placed;
  }
  const options = quiz.map((q, i) => {
    const wrong = shuffle(
      q.options.map((_, j) => j).filter((j) => j !== q.correct),
      rand,
    );
    const order: number[] = [];
    for (let p = 0; p < q.options.length; p++) order.push(p === targets![i] ? q.correct : wrong.shift()!);
    return order;
  });
  return { options };
}

/** Maps answers given at displayed positions back to stored option indexes (null stays null). */
export function toStoredAnswers(
  layout: QuizLayout,
  displayed: readonly (number | null)[],
): (number | null)[] {
  return displayed.map((d, i) => (d === null ? null : (layout.options[i]?.[d] ?? null)));
}

/** Where a stored option index is shown in this attempt. */
export function displayedIndex(layout: QuizLayout, question: number, stored: number): number {
  return layout.options[question]!.indexOf(stored);
}
