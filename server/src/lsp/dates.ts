/** Dates for the editor's hovers and lenses: the service's calendar, so they agree with the rules' "today". */
export { addDays, daysBetween, isoDate, parseDate, plural, relative, spanText, today } from '../core/service';
