import { HttpStatus } from '@nestjs/common';
import { bilingualProblem } from '../auth/auth-problems';

/** Problems of the queue dashboard that the auth module does not already have (same bilingual shape). */
export const needsRedis = () =>
  bilingualProblem(
    HttpStatus.SERVICE_UNAVAILABLE,
    'Service unavailable',
    'queue-dashboard-needs-redis',
    'The queue dashboard needs Redis: this server runs its jobs in-process (REDIS_URL is not set), so there is no BullMQ queue to show.',
    'Bảng theo dõi hàng đợi cần Redis: máy chủ này chạy các tác vụ ngay trong tiến trình (chưa đặt REDIS_URL), nên không có hàng đợi BullMQ nào để hiển thị.',
  );

export const tokenReadOnly = () =>
  bilingualProblem(
    HttpStatus.FORBIDDEN,
    'Forbidden',
    'admin-token-read-only',
    'The admin token may only read the queue dashboard; retrying, cleaning or pausing jobs needs an administrator\'s session.',
    'Mã quản trị (admin token) chỉ được xem bảng theo dõi hàng đợi; thử lại, dọn hoặc tạm dừng tác vụ cần phiên đăng nhập của quản trị viên.',
  );

export const actionDisabled = () =>
  bilingualProblem(
    HttpStatus.FORBIDDEN,
    'Forbidden',
    'queue-dashboard-action-disabled',
    'Adding jobs or editing their data is disabled on the queue dashboard: jobs are created by the platform, which validates their payloads.',
    'Bảng theo dõi hàng đợi không cho thêm tác vụ hoặc sửa dữ liệu của tác vụ: tác vụ do hệ thống tạo ra và kiểm tra dữ liệu.',
  );
