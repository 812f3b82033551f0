import { useState } from 'react';
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportToXlsx, type ExportColumn } from '../export/xlsx-export';

export interface ExportExcelButtonProps<T> {
  fileName: string;
  /** Defaults to the file name. */
  sheetName?: string;
  columns: readonly ExportColumn<T>[];
  /** The rows the list shows right now (current filters and page). */
  rows: readonly T[] | undefined;
  size?: ButtonProps['size'];
}

/** "导出 Excel": writes exactly what the list shows to an .xlsx file. */
export function ExportExcelButton<T>({ fileName, sheetName, columns, rows, size }: ExportExcelButtonProps<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const count = rows?.length ?? 0;

  const onClick = async () => {
    setBusy(true);
    try {
      await exportToXlsx({ fileName, sheetName: sheetName ?? fileName, columns, rows: rows ?? [] });
      void message.success(t('export.done', { count }));
    } catch {
      void message.error(t('export.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      icon={<FileExcelOutlined />}
      onClick={() => void onClick()}
      loading={busy}
      disabled={count === 0}
      size={size}
      data-testid="export-excel"
    >
      {t('export.excel')}
    </Button>
  );
}
