import { DateInput, type DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { useTranslation } from 'react-i18next';
import { parseDateInput } from '../../shared/date-input.ts';

export interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue' | 'dateParser' | 'valueFormat' | 'minDate' | 'maxDate' | 'min' | 'max'> {
  /** ISO date 'YYYY-MM-DD', or '' / null when empty (what the API and the forms hold). */
  value?: string | null;
  /** Called with the ISO date, or '' when the field is cleared. */
  onChange?: (value: string) => void;
  /**
   * Earliest / latest ISO date offered in the calendar. Days outside are greyed out there, but a
   * typed date is still taken so that the form's rule can say what is wrong (Mantine's own
   * minDate/maxDate would silently drop it on blur).
   */
  min?: string | null;
  max?: string | null;
}

/**
 * The one date input of the SPA: shown and typed as DD/MM/YYYY (Indonesian), with a calendar in the
 * chosen language, while the form value stays the ISO date. Works with `form.getInputProps(...)`.
 */
export function DateField({ value, onChange, min, max, ...rest }: DateFieldProps) {
  const { i18n } = useTranslation();
  const locale = i18n.language?.startsWith('en') ? 'en' : 'id';
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder="DD/MM/YYYY"
      locale={locale}
      clearable
      dateParser={(text) => parseDateInput(text)}
      excludeDate={min || max ? (d) => (!!min && d.slice(0, 10) < min) || (!!max && d.slice(0, 10) > max) : undefined}
      value={value ? value.slice(0, 10) : null}
      onChange={(v) => onChange?.(v ? String(v).slice(0, 10) : '')}
      {...rest}
    />
  );
}
