/** Notification texts (English); same keys as notify.id.ts. */
export const notifyEn = {
  skm: {
    periodEnding: {
      title: 'SKM period ending soon: {{service}}',
      body: 'The public satisfaction survey period for the service {{service}} ({{unit}}) ends on {{end}}, in {{days}} days. {{responses}} respondents so far. Make sure the sample is large enough before the period closes.',
      share: 'SKM reminder: the survey period of the service {{service}} ({{unit}}) ends on {{end}}. Please share the survey link with service users. {{url}}',
    },
  },
  pk: {
    reportDue: {
      title: 'PK realisation for quarter {{quarter}} {{year}} not reported',
      body: '{{missing}} indicators of the performance agreement of {{position}} for {{year}} have no submitted realisation for quarter {{quarter}}. The report is due on {{due}}, in {{days}} days.',
      share: 'SAKIP reminder: the PK realisation for quarter {{quarter}} {{year}} ({{position}}) is due by {{due}}. {{url}}',
    },
    signLate: {
      title: 'Performance agreement {{year}} not signed yet: {{unit}}',
      body: 'The performance agreement (Perjanjian Kinerja) {{year}} for {{position}} ({{unit}}) is not signed yet (status: {{status}}), although the signing deadline was {{deadline}}. Please complete, submit and sign it, then upload the scan of the signed page.',
      share: 'Reminder: the performance agreement {{year}} of {{unit}} is not signed yet (deadline {{deadline}}). {{url}}',
    },
  },
  email: {
    open: 'Open in Serasan:',
    footer: 'This message was sent automatically by Serasan. You receive it because of your role in {{tenant}}.',
  },
};
