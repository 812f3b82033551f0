import { useEffect, useState } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AvailabilitySlot } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { useSkills } from '../../api/use-skills';
import { ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { PortalColumn } from '../../components/portal-column';
import { SafeguardingTag } from '../../components/status-tags';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { applyProblemToForm, problemMessage } from '../../i18n/problem-messages';

interface ProfileValues {
  skills: string[];
  languages: string[];
  regionCode: string;
  availability: AvailabilitySlot[];
  monthlyHourCap?: number | null;
  birthDate?: Dayjs | null;
}

const LANGUAGE_SUGGESTIONS = ['普通话', '湘语', '粤语', '西南官话', '客家话', '苗语', '瑶语', '侗语', '土家语', 'English'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The volunteer's skills, languages, area and weekly availability (which drive matching), the code of conduct and their safeguarding standing. */
export function VolunteerProfilePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [form] = Form.useForm<ProfileValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const { options: skillOptions } = useSkills();
  const profile = useEndpoint('myVolunteerProfile', {});
  const conduct = useEndpoint('codeOfConduct', {}, { staleTime: 600_000 });
  const safeguarding = useEndpoint('mySafeguarding', {});
  // Before the first save the API answers an empty profile: an empty form with a word of welcome.
  const missing = profile.data?.saved === false;

  useEffect(() => {
    const p = profile.data;
    if (!p) return;
    form.setFieldsValue({
      skills: p.skills,
      languages: p.languages,
      regionCode: p.regionCode ?? undefined,
      availability: p.availability,
      monthlyHourCap: p.monthlyHourCap,
      birthDate: p.birthDate ? dayjs(p.birthDate) : null,
    });
  }, [profile.data, form]);

  const onFinish = async (values: ProfileValues) => {
    setFailure(null);
    const saved = await run(
      'save',
      () =>
        call('saveMyVolunteerProfile', {
          body: {
            skills: values.skills ?? [],
            languages: values.languages ?? [],
            regionCode: values.regionCode.trim(),
            availability: (values.availability ?? []).filter(Boolean),
            ...(profile.data?.location ? { location: profile.data.location } : {}),
            ...(values.monthlyHourCap ? { monthlyHourCap: values.monthlyHourCap } : {}),
            ...(values.birthDate ? { birthDate: values.birthDate.format('YYYY-MM-DD') } : {}),
            ...(profile.data?.employerOrganizationId ? { employerOrganizationId: profile.data.employerOrganizationId } : {}),
          },
        }),
      {
        success: t('profile.saved'),
        onError: (error) => {
          if (!applyProblemToForm(form, error)) setFailure(problemMessage(error));
          return true;
        },
      },
    );
    if (saved) void profile.refetch();
  };

  const accept = (version: string) =>
    void run('accept', () => call('acceptCodeOfConduct', { body: { version } }), {
      success: t('profile.conduct.accepted'),
    }).then(() => profile.refetch());

  const acceptedCurrent = profile.data?.codeOfConductCurrent ?? false;

  return (
    <PortalColumn testId="volunteer-profile">
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      {profile.data?.volunteerNumber && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('profile.volunteerNumber')}>{profile.data.volunteerNumber}</Descriptions.Item>
        </Descriptions>
      )}
      <Card size="small" title={t('profile.safeguarding.title')}>
        {safeguarding.data ? (
          <Flex vertical gap={8}>
            <Flex gap={8} align="center" wrap>
              <SafeguardingTag status={safeguarding.data.status} />
              {safeguarding.data.validUntil && (
                <Typography.Text type="secondary">
                  {t('volunteers.until', { date: formatDate(safeguarding.data.validUntil, locale) })}
                </Typography.Text>
              )}
            </Flex>
            <Typography.Text type="secondary">{t(`profile.safeguarding.hints.${safeguarding.data.status}`)}</Typography.Text>
          </Flex>
        ) : safeguarding.isError ? (
          <ErrorState error={safeguarding.error} onRetry={() => void safeguarding.refetch()} />
        ) : (
          <Skeleton active paragraph={{ rows: 1 }} />
        )}
      </Card>
      <Card size="small" title={t('profile.conduct.title')} data-testid="code-of-conduct">
        {conduct.data ? (
          <Flex vertical gap={8}>
            <Typography.Text strong>
              {t('profile.conduct.titleVersion', { title: conduct.data.title, version: conduct.data.version })}
            </Typography.Text>
            <div
              style={{
                maxHeight: 200,
                overflow: 'auto',
                whiteSpace: 'pre-wrap',
                padding: 8,
                background: 'rgba(0,0,0,0.02)',
                borderRadius: 6,
              }}
            >
              {conduct.data.body}
            </div>
            {acceptedCurrent ? (
              <Alert
                type="success"
                showIcon
                message={t('profile.conduct.acceptedOn', { date: formatDate(profile.data?.codeOfConductAcceptedAt, locale) })}
              />
            ) : (
              <>
                <Alert
                  type="warning"
                  showIcon
                  message={profile.data?.codeOfConductVersion ? t('profile.conduct.newVersion') : t('profile.conduct.required')}
                />
                <Button
                  type="primary"
                  block
                  loading={pending === 'accept'}
                  disabled={!profile.data}
                  onClick={() => accept(conduct.data?.version ?? '')}
                  data-testid="accept-conduct"
                >
                  {t('profile.conduct.accept')}
                </Button>
                {!profile.data && <Typography.Text type="secondary">{t('profile.conduct.saveFirst')}</Typography.Text>}
              </>
            )}
          </Flex>
        ) : conduct.isError ? (
          <ErrorState error={conduct.error} onRetry={() => void conduct.refetch()} />
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )}
      </Card>
      <Card size="small" title={t('profile.form.title')}>
        {profile.isError ? (
          <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
        ) : profile.isLoading ? (
          <Skeleton active />
        ) : (
          <>
            {missing && <Alert type="info" showIcon message={t('profile.form.firstTime')} style={{ marginBottom: 16 }} />}
            {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
            <Form<ProfileValues>
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => void onFinish(v)}
              initialValues={{ skills: [], languages: ['普通话'], availability: [] }}
              data-testid="profile-form"
            >
              <Form.Item name="skills" label={t('profile.form.skills')} extra={t('profile.form.skillsHelp')}>
                <Select mode="multiple" allowClear options={skillOptions} optionFilterProp="label" />
              </Form.Item>
              <Form.Item name="languages" label={t('profile.form.languages')} extra={t('profile.form.languagesHelp')}>
                <Select mode="tags" options={LANGUAGE_SUGGESTIONS.map((l) => ({ value: l, label: l }))} />
              </Form.Item>
              <Form.Item
                name="regionCode"
                label={t('profile.form.regionCode')}
                extra={t('profile.form.regionCodeHelp')}
                rules={[
                  { required: true, message: t('needs.form.regionCodeRequired') },
                  { pattern: /^\d{6}(\d{3})?$/, message: t('needs.form.regionCodeFormat') },
                ]}
              >
                <Input inputMode="numeric" maxLength={9} />
              </Form.Item>
              <Typography.Text>{t('profile.form.availability')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('profile.form.availabilityHelp')}
              </Typography.Paragraph>
              <Form.List name="availability">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                    {fields.map((field) => (
                      <Row key={field.key} gutter={8} align="middle" wrap={false}>
                        <Col flex="1 1 90px">
                          <Form.Item
                            name={[field.name, 'weekday']}
                            rules={[{ required: true, message: t('profile.form.weekdayRequired') }]}
                            style={{ marginBottom: 0 }}
                          >
                            <Select
                              aria-label={t('profile.form.weekday')}
                              options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekdays.${d}`) }))}
                            />
                          </Form.Item>
                        </Col>
                        <Col flex="1 1 70px">
                          <Form.Item
                            name={[field.name, 'from']}
                            rules={[{ required: true, pattern: TIME, message: t('profile.form.timeFormat') }]}
                            style={{ marginBottom: 0 }}
                          >
                            <Input placeholder="09:00" aria-label={t('profile.form.from')} maxLength={5} />
                          </Form.Item>
                        </Col>
                        <Col flex="1 1 70px">
                          <Form.Item
                            name={[field.name, 'to']}
                            rules={[{ required: true, pattern: TIME, message: t('profile.form.timeFormat') }]}
                            style={{ marginBottom: 0 }}
                          >
                            <Input placeholder="12:00" aria-label={t('profile.form.to')} maxLength={5} />
                          </Form.Item>
                        </Col>
                        <Col flex="none">
                          <Button
                            type="text"
                            danger
                            icon={<MinusCircleOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('profile.form.removeSlot')}
                          />
                        </Col>
                      </Row>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ weekday: 6, from: '09:00', to: '12:00' })}>
                      {t('profile.form.addSlot')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
              <Row gutter={12}>
                <Col xs={12}>
                  <Form.Item name="monthlyHourCap" label={t('profile.form.monthlyHourCap')}>
                    <InputNumber min={1} max={300} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12}>
                  <Form.Item name="birthDate" label={t('profile.form.birthDate')} extra={t('profile.form.birthDateHelp')}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" block loading={pending === 'save'} data-testid="save-profile">
                {t('profile.form.save')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </PortalColumn>
  );
}
