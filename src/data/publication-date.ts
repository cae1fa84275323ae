// Publication dates (`YYYY-MM-DD` or `YYYY-MM`) and how vintages compare.

/** True for `YYYY-MM-DD` or `YYYY-MM` with a real month and day. @example isPublicationDate('2024-01'); // => true */
export function isPublicationDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

/**
 * The last day a date can stand for, as `YYYY-MM-DD`: a month `YYYY-MM` means "some day in that
 * month", so it is read as its last day (a figure dated only by month is taken as public at the
 * end of the month, never earlier). A full date is returned as is.
 * @example latestDayOf('2024-02'); // => '2024-02-29'
 * @example latestDayOf('2024-01-19'); // => '2024-01-19'
 */
export function latestDayOf(date: string): string {
  const known = latestDays.get(date);
  if (known !== undefined) return known;
  let day = date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const [year, month] = date.split('-').map(Number);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    day = `${date}-${String(last).padStart(2, '0')}`;
  }
  if (latestDays.size >= latestDaysMax) latestDays.clear();
  latestDays.set(date, day);
  return day;
}

/** latestDayOf's answers: a data set has a few hundred dates, read again by every sort and filter of every run. */
const latestDays = new Map<string, string>();
const latestDaysMax = 100_000;
