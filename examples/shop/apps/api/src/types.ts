export interface User {
  id: string;
  email: string;
  country: string;
  isStaff: boolean;
}

export interface CartLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}
