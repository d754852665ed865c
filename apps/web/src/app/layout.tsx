import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import styles from './layout.module.css';

export const metadata: Metadata = {
  title: { default: 'Phố Số', template: '%s · Phố Số' },
  description:
    'Quét mã QR trên biển tên đường để xem thông tin con phố, các trung tâm phục vụ hành chính công gần nhất và thủ tục có thể làm.',
};

/** The only promise every page makes; it is what a citizen checks against a fake (quishing) QR sticker. */
const SAFETY_NOTICE = 'Trang này không bao giờ yêu cầu thanh toán, mật khẩu hay thông tin cá nhân.';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="vi">
      <body className={styles.body}>
        <header className={styles.header}>
          <a className={styles.brand} href="/">
            Phố Số
          </a>
        </header>
        <main className={styles.main}>{children}</main>
        <footer className={styles.footer}>
          <p>{SAFETY_NOTICE}</p>
        </footer>
      </body>
    </html>
  );
}
