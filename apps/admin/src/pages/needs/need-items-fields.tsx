import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The goods lines of a goods need (name, unit, quantity); they change only while the need is a draft. */
export function NeedItemsFields({ isDraft }: { isDraft: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Divider orientation="left" plain>
        {t('needs.form.items')}
      </Divider>
      <Typography.Paragraph type="secondary">{isDraft ? t('needs.form.itemsHelp') : t('needs.form.itemsLocked')}</Typography.Paragraph>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} data-testid="need-items">
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('needs.form.itemNameRequired') }]}
                  style={{ flex: '2 1 160px', marginBottom: 0 }}
                >
                  <Input placeholder={t('needs.form.itemName')} aria-label={t('needs.form.itemName')} disabled={!isDraft} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'unit']}
                  rules={[{ required: true, whitespace: true, message: t('needs.form.itemUnitRequired') }]}
                  style={{ flex: '1 1 80px', marginBottom: 0 }}
                >
                  <Input placeholder={t('needs.form.itemUnit')} aria-label={t('needs.form.itemUnit')} disabled={!isDraft} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'quantity']}
                  rules={[{ required: true, message: t('needs.form.itemQuantityRequired') }]}
                  style={{ flex: '1 1 100px', marginBottom: 0 }}
                >
                  <InputNumber
                    min={1}
                    max={1_000_000}
                    precision={0}
                    placeholder={t('needs.form.itemQuantity')}
                    aria-label={t('needs.form.itemQuantity')}
                    style={{ width: '100%' }}
                    disabled={!isDraft}
                  />
                </Form.Item>
                {isDraft && (
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('needs.form.removeItem')}
                  />
                )}
              </Flex>
            ))}
            {isDraft && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', unit: '', quantity: 1 })} data-testid="add-item">
                {t('needs.form.addItem')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </>
  );
}
